import path from 'node:path';
import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // node_modules lives at the repository root (one package.json for API and dashboard).
  turbopack: { root: path.join(__dirname, '..') },
  outputFileTracingRoot: path.join(__dirname, '..'),
  // The SDK is TypeScript source in the sdk/ workspace (node_modules/@wanshi/sdk links to it).
  transpilePackages: ['@wanshi/sdk'],
  // 端侧体验 runs onnxruntime-web with threads only in a cross-origin-isolated page (SharedArrayBuffer).
  async headers() {
    return [
      {
        source: '/device',
        headers: [
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
        ],
      },
    ];
  },
};

export default nextConfig;
