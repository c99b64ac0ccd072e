export { FileSystemImageStore, type ImageStore, type ImageStoreOptions } from './image-store';
