// The importModel request as a client sends it (GraphQL multipart request spec), shared by the CLI and tests.
export const IMPORT_MODEL = /* GraphQL */ `
  mutation ImportModel(
    $file: Upload!
    $name: String!
    $version: String
    $names: [String!]
    $family: String
    $serving: JSON
  ) {
    importModel(
      file: $file
      name: $name
      version: $version
      names: $names
      family: $family
      serving: $serving
    ) {
      model {
        name
        version
        family
        labelSet
        active
        defaultPrecision
        defaultInputSize
      }
      family
      decision
      classes
      namesSource
      labelSet
      labelSetCreated
      sha256
      bytes
      warmUp {
        photo
        milliseconds
        objects
      }
      profiles {
        built
        skipped {
          profile
          reason
        }
      }
    }
  }
`;

export interface ImportVariables {
  name: string;
  version?: string;
  names?: string[];
  family?: string;
  /** The manifest serving block, e.g. { maxBatchSize: 8 }. */
  serving?: Record<string, unknown>;
}

/** The fields IMPORT_MODEL asks for. */
export interface ImportedModel {
  model: {
    name: string;
    version: string;
    family: string;
    labelSet: string;
    active: boolean;
    defaultPrecision: string;
    defaultInputSize: number;
  };
  family: string;
  decision: string;
  classes: string[];
  namesSource: string;
  labelSet: string;
  labelSetCreated: boolean;
  sha256: string;
  bytes: number;
  warmUp: { photo: string; milliseconds: number; objects: number };
  profiles: { built: string[]; skipped: { profile: string; reason: string }[] };
}

export interface ImportResponse {
  status: number;
  data?: { importModel: ImportedModel | null } | null;
  errors?: { message: string; extensions?: { code?: string; reason?: string; [k: string]: unknown } }[];
}

/** POSTs the file and variables as multipart/form-data: operations, map, then the file part. */
export async function sendModelImport(options: {
  graphqlUrl: string;
  key: string;
  file: Blob;
  filename: string;
  variables: ImportVariables;
}): Promise<ImportResponse> {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({ query: IMPORT_MODEL, variables: { ...options.variables, file: null } }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', options.file, options.filename);
  const response = await fetch(options.graphqlUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.key}` },
    body: form,
  });
  const text = await response.text();
  try {
    return { status: response.status, ...(JSON.parse(text) as object) };
  } catch {
    return { status: response.status, errors: [{ message: text.slice(0, 200) }] };
  }
}
