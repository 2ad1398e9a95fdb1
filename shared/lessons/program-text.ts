// The lessons' programs are Python files (programs/*.py), written for the lesson's own port so
// each runs as it is; the workbench shows them, and offers them to copy, with the port the
// learner's server really has. The port is the one number written as a whole token.

/** The program's text with every whole-token `lessonPort` made `port`, without the file's last line break. */
export function onPort(text: string, lessonPort: number, port: number): string {
  return text.replace(/\r?\n$/, '').replace(new RegExp(`(?<![0-9])${lessonPort}(?![0-9])`, 'g'), String(port));
}
