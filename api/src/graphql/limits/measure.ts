// What one GraphQL operation would cost before it runs: depth, aliases, directives, an estimated cost that
// multiplies lists by their page size, the photos its detect fields would run, and whether it introspects.
// One walk over the operation; each fragment is measured once, so fragments spread many times cannot make
// the walk itself expensive.
import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface OperationMeasure {
  /** Nesting of fields: `{ a { b } }` is 2. */
  depth: number;
  aliases: number;
  directives: number;
  /** 1 per field (introspection: 0.1), times the expected length of each list around it. */
  cost: number;
  /** Photos the operation's `detect` (1 each) and `detectBatch` (its inputs) fields would run. */
  detectImages: number;
  introspection: boolean;
}

/** Expected length of a list that has no `first` argument (the objects of a detection, a job's results). */
export const LIST_COST_FACTOR = 10;
/** Introspection reads the schema in memory: a tenth of a field that may read the database. */
export const INTROSPECTION_FIELD_COST = 0.1;
/** Page size of a connection asked for without `first` (the services' default). */
export const DEFAULT_PAGE_COST = 20;

const EMPTY: OperationMeasure = {
  depth: 0,
  aliases: 0,
  directives: 0,
  cost: 0,
  detectImages: 0,
  introspection: false,
};

type Variables = Readonly<Record<string, unknown>>;

export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables = {},
): OperationMeasure {
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
    ),
  );
  const measuredFragments = new Map<string, OperationMeasure>();
  const root = schema.getRootType(operation.operation);
  if (!root) return EMPTY;

  const selectionSet = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    pageSize: number | undefined,
    inIntrospection: boolean,
  ): OperationMeasure => {
    let total = EMPTY;
    for (const selection of set.selections) {
      let part: OperationMeasure;
      if (selection.kind === Kind.FIELD) {
        part = field(selection, parent, pageSize, inIntrospection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        part = selectionSet(
          selection.selectionSet,
          (type ?? parent) as GraphQLCompositeType,
          pageSize,
          inIntrospection,
        );
        part = { ...part, directives: part.directives + (selection.directives?.length ?? 0) };
      } else {
        part = fragment(selection.name.value, pageSize, inIntrospection);
        part = { ...part, directives: part.directives + (selection.directives?.length ?? 0) };
      }
      total = sum(total, part);
    }
    return total;
  };

  const fragment = (
    name: string,
    pageSize: number | undefined,
    inIntrospection: boolean,
  ): OperationMeasure => {
    const definition = fragments.get(name);
    if (!definition) return EMPTY;
    const key = `${name}:${pageSize ?? ''}:${inIntrospection}`;
    const known = measuredFragments.get(key);
    if (known) return known;
    measuredFragments.set(key, EMPTY); // a cycle (refused by validation anyway) adds nothing
    const type = schema.getType(definition.typeCondition.name.value) as GraphQLCompositeType;
    const measured = selectionSet(definition.selectionSet, type, pageSize, inIntrospection);
    const withOwn = { ...measured, directives: measured.directives + (definition.directives?.length ?? 0) };
    measuredFragments.set(key, withOwn);
    return withOwn;
  };

  const field = (
    node: FieldNode,
    parent: GraphQLCompositeType,
    pageSize: number | undefined,
    inIntrospection: boolean,
  ): OperationMeasure => {
    const name = node.name.value;
    const introspection =
      inIntrospection || name === SchemaMetaFieldDef.name || name === TypeMetaFieldDef.name;
    const own = {
      aliases: node.alias ? 1 : 0,
      directives: node.directives?.length ?? 0,
      introspection,
      detectImages: parent === schema.getMutationType() ? detectImages(node, variables) : 0,
    };
    const definition = fieldDefinition(parent, name);
    const type = definition ? getNullableType(definition.type) : undefined;
    // A connection's `first` sizes the list inside it (its edges); a list without one gets the fixed factor.
    const first = definition?.args.some((a) => a.name === 'first')
      ? (intArgument(node, 'first', variables) ?? DEFAULT_PAGE_COST)
      : undefined;
    const isList = type !== undefined && isListType(type);
    const multiplier = isList ? (first ?? pageSize ?? LIST_COST_FACTOR) : 1;
    const named = type ? getNamedType(type) : undefined;
    const children =
      node.selectionSet && named
        ? selectionSet(
            node.selectionSet,
            named as GraphQLCompositeType,
            isList ? undefined : first,
            introspection,
          )
        : EMPTY;
    return {
      depth: 1 + children.depth,
      aliases: own.aliases + children.aliases,
      directives: own.directives + children.directives,
      cost: (introspection ? INTROSPECTION_FIELD_COST : 1) + multiplier * children.cost,
      detectImages: own.detectImages + children.detectImages,
      introspection: own.introspection || children.introspection,
    };
  };

  return selectionSet(operation.selectionSet, root, undefined, false);
}

function fieldDefinition(
  parent: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  // The introspection entry points are not among the root type's own fields.
  if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

function sum(a: OperationMeasure, b: OperationMeasure): OperationMeasure {
  return {
    depth: Math.max(a.depth, b.depth),
    aliases: a.aliases + b.aliases,
    directives: a.directives + b.directives,
    cost: a.cost + b.cost,
    detectImages: a.detectImages + b.detectImages,
    introspection: a.introspection || b.introspection,
  };
}

function argument(node: FieldNode, name: string): ValueNode | undefined {
  return node.arguments?.find((a) => a.name.value === name)?.value;
}

function intArgument(node: FieldNode, name: string, variables: Variables): number | undefined {
  const value = argument(node, name);
  if (value?.kind === Kind.INT) return Number(value.value);
  if (value?.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === 'number' ? given : undefined;
  }
  return undefined;
}

/** `detect` runs one photo; `detectBatch` one per input (a single input value counts as a list of one). */
function detectImages(node: FieldNode, variables: Variables): number {
  if (node.name.value === 'detect') return 1;
  if (node.name.value !== 'detectBatch') return 0;
  const inputs = argument(node, 'inputs');
  if (inputs?.kind === Kind.LIST) return inputs.values.length;
  if (inputs?.kind === Kind.VARIABLE) {
    const given = variables[inputs.name.value];
    return Array.isArray(given) ? given.length : 1;
  }
  return 1;
}
