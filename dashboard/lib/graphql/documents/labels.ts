import { operation } from '../operation';
import type {
  AuditEntry,
  Connection,
  LabelCategory,
  LabelChange,
  LabelEdit,
  LabelMapping,
  LabelSetSummary,
  LabelSetVersion,
} from '../types';

const LABEL_FIELDS = 'key zh aliases pinyin category color enabled minScore nameSource classes categories';
const VERSION_FIELDS = `labelSet version status publishedAt labels { ${LABEL_FIELDS} }`;

export const LABEL_SETS = operation<{ labelSets: LabelSetSummary[] }>(
  'query LabelSets { labelSets { key name latestVersion hasDraft } }',
);

export const LABEL_SET = operation<
  { labelSet: LabelSetVersion },
  { key: string; version?: number; draft?: boolean }
>(`query LabelSet($key: String!, $version: Int, $draft: Boolean) {
  labelSet(key: $key, version: $version, draft: $draft) { ${VERSION_FIELDS} }
}`);

export const LABEL_CATEGORIES = operation<{ labelCategories: LabelCategory[] }>(
  'query LabelCategories { labelCategories { name level coarse } }',
);

export const LABEL_SET_DIFF = operation<{ labelSetDiff: LabelChange[] }, { key: string }>(
  `query LabelSetDiff($key: String!) {
    labelSetDiff(key: $key) { key change before { ${LABEL_FIELDS} } after { ${LABEL_FIELDS} } }
  }`,
);

export const CREATE_LABEL_SET = operation<
  { createLabelSet: LabelSetSummary },
  { input: { key: string; name: string; cloneFrom?: string } }
>(`mutation CreateLabelSet($input: CreateLabelSetInput!) {
  createLabelSet(input: $input) { key name latestVersion hasDraft }
}`);

export const ADD_LABEL = operation<
  { addLabel: { key: string } },
  { input: { labelSet: string; key: string; zh: string; category?: string; color: string } }
>(`mutation AddLabel($input: AddLabelInput!) { addLabel(input: $input) { key } }`);

export const UPDATE_LABEL = operation<
  unknown,
  { input: LabelEdit & Partial<LabelMapping> & { labelSet: string } }
>(`mutation UpdateLabel($input: UpdateLabelInput!) { updateLabel(input: $input) { key } }`);

export const PUBLISH_LABEL_SET = operation<
  { publishLabelSet: Pick<LabelSetVersion, 'version'> },
  { key: string }
>('mutation PublishLabelSet($key: String!) { publishLabelSet(key: $key) { version } }');

export const AUDIT_LOG = operation<{ auditLog: Connection<AuditEntry> }, { first: number }>(
  `query AuditLog($first: Int) {
    auditLog(first: $first) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id actorKeyId action entity before after at } }
    }
  }`,
);
