import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { ErrorNotice } from '@/components/ErrorNotice';
import { SideNav } from '@/components/nav/SideNav';
import { getViewer, signInPath } from '@/lib/auth/viewer';
import { toFailure } from '@/lib/graphql/errors';
import type { ApiKeyFragment } from '@/lib/graphql/generated/graphql';

/** Every console page: signed-in people only, with the navigation their role allows. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  let viewer: ApiKeyFragment | null;
  try {
    viewer = await getViewer();
  } catch (error) {
    // The API is down: say so instead of sending a signed-in person back to the sign-in form.
    return (
      <main className="content">
        <ErrorNotice failure={toFailure(error)} retry />
      </main>
    );
  }
  if (!viewer) redirect(await signInPath());
  return (
    <div className="shell">
      <SideNav viewer={{ name: viewer.name, role: viewer.role }} />
      <main className="content">{children}</main>
    </div>
  );
}
