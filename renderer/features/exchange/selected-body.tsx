// Under the structure tree: the body of the message the selection is in, as the application sees
// it (framing off, codings undone, images drawn). Nothing is shown until a message is selected.
import { useMemo } from 'react';
import type { Annotation } from '../../../shared/http/annotate/annotation';
import { messageContent } from '../../../shared/http/body';
import type { ByteSelection } from '../../store/state-types';
import { BodyPreview } from '../../body-preview/body-preview';
import type { DirStream } from './exchange-model';
import { readStream } from './stream-read';

export function SelectedBody({ annotation, stream, selection }: { annotation: Annotation; stream: DirStream; selection: ByteSelection | null }) {
  const message = useMemo(() => {
    if (!selection) return undefined;
    return annotation.messages.find((m) => selection.offset >= m.offset && selection.offset < m.offset + Math.max(1, m.length));
  }, [annotation, selection]);
  const content = useMemo(
    () => (message ? messageContent(annotation, message, (offset, length) => readStream(stream, offset, length)) : null),
    [annotation, message, stream],
  );
  if (!message || !content) return null;
  return <BodyPreview message={message} content={content} />;
}
