// The GraphQL multipart request spec's Upload scalar. Defined over our own graphql import (not
// graphql-upload-minimal's GraphQLUpload) so the schema holds one graphql realm; its values are the Upload
// objects processRequest (api/src/http/server.ts) put into the variables.
import { GraphQLError, GraphQLScalarType } from 'graphql';
import { Upload, type FileUpload } from 'graphql-upload-minimal';

export type { FileUpload };

export const UploadScalar = new GraphQLScalarType({
  name: 'Upload',
  description:
    'A file sent with the GraphQL multipart request spec (multipart/form-data: operations, map, files)',
  parseValue(value: unknown): Promise<FileUpload> {
    if (value instanceof Upload) return value.promise;
    throw new GraphQLError('Upload value invalid: send the file as a multipart request part', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
  parseLiteral() {
    throw new GraphQLError('Upload literal unsupported: send the file as a multipart request part', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
  serialize() {
    throw new GraphQLError('Upload serialization unsupported');
  },
});
