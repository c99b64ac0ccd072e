// Every operation the dashboard sends, as the text it POSTs (fragments included), named module.EXPORT: the
// contract and limits specs check each one.
import * as bundles from '../../dashboard/lib/graphql/documents/bundles';
import * as detections from '../../dashboard/lib/graphql/documents/detections';
import * as keys from '../../dashboard/lib/graphql/documents/keys';
import * as labels from '../../dashboard/lib/graphql/documents/labels';
import * as models from '../../dashboard/lib/graphql/documents/models';
import * as profiles from '../../dashboard/lib/graphql/documents/profiles';
import * as review from '../../dashboard/lib/graphql/documents/review';

const DOCUMENT_MODULES = { bundles, detections, keys, labels, models, profiles, review };

export const DASHBOARD_OPERATIONS: [name: string, query: string][] = Object.entries(DOCUMENT_MODULES).flatMap(
  ([module, exports]) =>
    Object.entries(exports).flatMap(([name, value]): [string, string][] =>
      // Codegen's typed documents are String objects carrying the operation's text.
      value instanceof String ? [[`${module}.${name}`, value.toString()]] : [],
    ),
);
