import { redirect } from 'next/navigation';
import { landingPath } from '@/lib/auth/roles';
import { getViewer } from '@/lib/auth/viewer';

/** `/` sends each person to the first page their role may see. */
export default async function Home() {
  const viewer = await getViewer();
  redirect(viewer ? landingPath(viewer.role) : '/sign-in');
}
