// `npm run models:build`: builds (or confirms up to date) every artifact of the model repository, one line each:
// fp32 and the profiles made from it (int8 is calibrated with the API's own image preparation, hence its import).
// The repository is WANSHI_MODELS_DIR when set (as for the API), else the repo's models/ folder.
import path from 'node:path';
import { REPO_ROOT } from './repo-root';
import { buildServingRepository } from '../../api/src/profiles/repository-build';
import type { ArtifactReport } from './repository/build';

function describe(report: ArtifactReport): string {
  const where = `${report.model}/${report.version}/${report.file}`;
  const size = `${(report.bytes / 1e6).toFixed(1)} MB`;
  const why = report.reason ? ` (${report.reason})` : '';
  const time = report.status === 'up to date' ? '' : `, ${report.seconds.toFixed(1)} s`;
  return `${report.status.padEnd(10)} ${where} ${size}${time}${why}`;
}

async function main(): Promise<void> {
  const modelsDir = path.resolve(process.env.WANSHI_MODELS_DIR ?? path.join(REPO_ROOT, 'models'));
  await buildServingRepository({ modelsDir, onArtifact: (report) => console.log(describe(report)) });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
