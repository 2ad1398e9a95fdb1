// The response being edited and the learner's presets are kept across a restart of the host
// (issue 8): the `response` and `presets` settings sections, in Chromium through the web host
// whose settings file lives in a temporary directory.
import { expect, test } from './fixtures';
import { ResponseEditorPage } from './pages/response-editor-page';
import { SettingsPage } from './pages/settings-page';
import { useRestartableHost } from './restartable-host';

const host = useRestartableHost('wirebench-e2e-editor-');

test('the edited response, what Enter inserts, and a saved, renamed preset come back after a restart', async ({ app }) => {
  const editor = new ResponseEditorPage(app);
  const settings = new SettingsPage(app, host.dir);
  await app.goto(await host.restart());
  await editor.open();
  await editor.expectBytes(100);

  await editor.loadPreset('l2-hello-bare-lf');
  await editor.byId('editor-enter').selectOption('lf');
  await editor.caretToEnd();
  await editor.content.pressSequentially(' Kept.');
  await editor.expectBytes(36);
  // Saved as a preset, then renamed.
  await app.locator('[data-testid="user-presets"] summary').click();
  await editor.byId('user-preset-new').click();
  await editor.byId('user-preset-name').fill('bare LF, kept');
  await editor.byId('user-preset-save').click();
  await app.locator('[data-testid="user-preset"]').getByRole('button', { name: 'Rename' }).click();
  await editor.byId('user-preset-name').fill('My L2');
  await editor.byId('user-preset-save').click();
  await settings.expectStored({
    response: { text: 'HTTP/1.1 200 OK\n\nHello, World! Kept.', body: null, enter: 'lf' },
    presets: { presets: [{ name: 'My L2', text: 'HTTP/1.1 200 OK\n\nHello, World! Kept.' }] },
  });

  await app.goto(await host.restart());
  await editor.open();
  await editor.expectBytes(36);
  await expect(editor.byId('editor-enter')).toHaveValue('lf');
  await expect(app.locator('[data-testid="user-preset"]')).toHaveText(/My L2/);

  // The kept preset loads from the menu like any other.
  await editor.loadPreset('l1-hello-world');
  await editor.expectBytes(100);
  await editor.byId('editor-preset').selectOption({ label: 'My L2' });
  await editor.expectBytes(36);

  // Deleting asks first, then it is gone, from the file too.
  await app.locator('[data-testid="user-presets"] summary').click();
  app.once('dialog', (d) => void d.accept());
  await app.locator('[data-testid="user-preset"]').getByRole('button', { name: 'Delete' }).click();
  await expect(app.locator('[data-testid="user-preset"]')).toHaveCount(0);
  await settings.expectStored({ presets: { presets: [] } });
});
