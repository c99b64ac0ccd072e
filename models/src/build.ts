// `npm run models:build`: builds (or confirms up to date) every artifact of the model repository, one line each.
// The repository is WANSHI_MODELS_DIR when set (as for the API), else the repo's models/ folder.
import path from 'node:path';
import { REPO_ROOT } from './repo-root';
import { buildModelRepository, type ArtifactReport } from './repository/build';

function describe(report: ArtifactReport): string {
  const where = `${report.model}/${report.version}/${report.file}`;
  const size = `${(report.bytes / 1e6).toFixed(1)} MB`;
  const why = report.reason ? ` (${report.reason})` : '';
  const time = report.status === 'up to date' ? '' : `, ${report.seconds.toFixed(1)} s`;
  return `${report.status.padEnd(10)} ${where} ${size}${time}${why}`;
}

async function main(): Promise<void> {
  const modelsDir = path.resolve(process.env.WANSHI_MODELS_DIR ?? path.join(REPO_ROOT, 'models'));
  await buildModelRepository({ modelsDir, onArtifact: (report) => console.log(describe(report)) });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
