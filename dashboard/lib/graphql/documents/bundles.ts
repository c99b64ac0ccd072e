import { DEVICE_BUNDLES as QUERY, type DeviceBundleInfo } from '@wanshi/sdk';
import { operation } from '../operation';

export const DEVICE_BUNDLES = operation<{ deviceBundles: DeviceBundleInfo[] }, { model?: string }>(QUERY);
