import { redirect } from 'next/navigation';
import { landingPath } from '@/lib/auth/roles';
import { getViewer, signInPath } from '@/lib/auth/viewer';

/** `/` sends each person to the first page their role may see. */
export default async function Home() {
  // An unreachable API: any console page explains that, so go to one rather than fail here.
  const viewer = await getViewer().catch(() => undefined);
  if (viewer === undefined) redirect('/overview');
  redirect(viewer ? landingPath(viewer.role) : await signInPath());
}
