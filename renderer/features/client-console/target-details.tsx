// What connecting found out, shown before any byte: a URL split into scheme, host, port and path
// (lesson L2: the URL is an HTTP idea, only host and port reach the socket), and how the name
// resolved, each address tried in turn, as telnet prints "Trying 127.0.0.1...".
import { useTranslation } from 'react-i18next';
import type { Resolution } from '../../../shared/contract/contract';
import type { UrlParts } from '../../../shared/client/target';

export function UrlSplit({ url, onFill }: { url: UrlParts; onFill: () => void }) {
  const { t } = useTranslation();
  const port = url.explicitPort === null ? t('ui.client.url.portDefault', { port: 80 }) : String(url.explicitPort);
  const parts = [
    ['scheme', url.scheme],
    ['host', url.host],
    ['port', port],
    ['path', url.path],
  ] as const;
  return (
    <div className="url-split" data-testid="client-url" title={t('ui.client.url.explain')}>
      <span className="url-heading">{t('ui.client.url.heading')}</span>
      <dl>
        {parts.map(([name, value]) => (
          <div key={name} className={`url-part url-${name}`} data-part={name}>
            <dt>{t(`ui.client.url.${name}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="link-button" data-testid="client-url-fill" onClick={onFill}>
        {t('ui.client.url.fill')}
      </button>
    </div>
  );
}

export function ResolutionLines({ resolution }: { resolution: Resolution }) {
  const { t } = useTranslation();
  const literal = resolution.addresses.length === 1 && resolution.addresses[0]?.address === resolution.host;
  return (
    <ul className="resolution" data-testid="client-resolution">
      <li>
        {literal
          ? t('ui.client.resolution.literal', { host: resolution.host })
          : t('ui.client.resolution.resolved', {
              host: resolution.host,
              addresses: resolution.addresses.map((a) => a.address).join(', '),
            })}
      </li>
      {resolution.attempts.map((a, i) => (
        <li key={i} data-ok={a.errno === null}>
          {a.errno === null
            ? t('ui.client.resolution.attemptOk', { address: a.address, family: a.family })
            : t('ui.client.resolution.attemptFailed', { address: a.address, family: a.family, errno: a.errno })}
        </li>
      ))}
    </ul>
  );
}
