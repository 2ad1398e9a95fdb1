// The Lessons panel's first-run welcome is offered once: declined, it stays declined after the
// host restarts (kept in the settings file's `lessons` section), and the lessons stay listed.
import { expect, test } from './fixtures';
import { useRestartableHost } from './restartable-host';
import { SettingsPage } from './pages/settings-page';

const host = useRestartableHost('wirebench-e2e-lessons-');

test('a declined welcome stays declined after a restart; the lessons are still listed', async ({ app }) => {
  const settings = new SettingsPage(app, host.dir);
  await app.goto(await host.restart());
  // A first run: the side column shows the Lessons tab and its welcome.
  await expect(app.getByTestId('side-tab-lessons')).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByTestId('lessons-welcome')).toBeVisible();
  await app.getByTestId('lessons-welcome-dismiss').click();
  await expect(app.getByTestId('lessons-welcome')).toHaveCount(0);
  await settings.expectStored({ lessons: { welcomeDismissed: true } });

  await app.goto(await host.restart());
  // Not a first run any more: the side column opens on the server, as it does by default.
  await expect(app.getByTestId('side-tab-server')).toHaveAttribute('aria-selected', 'true');
  await app.getByTestId('side-tab-lessons').click();
  await expect(app.getByTestId('lesson-choose')).toHaveCount(4);
  await expect(app.getByTestId('lessons-welcome')).toHaveCount(0);
});
