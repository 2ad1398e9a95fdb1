// An error or warning sentence from the store's Message (an i18n key and its parameters).
import { useTranslation } from 'react-i18next';
import type { Message } from '../store/message';

export function MessageText({ message, testId }: { message: Message | null; testId: string }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p className="message message-error" role="alert" data-testid={testId}>
      {t(message.key, message.params)}
    </p>
  );
}
