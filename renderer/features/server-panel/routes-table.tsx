// The routes responder's table: method + path -> a file (behind a status line and a Content-Type)
// or exact bytes, or the request shown as a page (echo_page). Lesson L3's routes are one click away:
// the page and its image, or those with the form and its POST answer.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { L3_FORM_ROUTES, L3_ROUTES } from '../../../shared/server/presets';
import { ROUTE_DRAFT_KINDS, routeDraft, type DraftField, type RouteDraft } from '../../store/server-draft';
import { BytesEditor } from '../../ui/bytes-editor';
import { TextField } from '../../ui/text-field';
import { PathField } from './path-field';

interface RoutesTableProps {
  routes: RouteDraft[];
  invalid: DraftField | null;
  onRoutes: (routes: RouteDraft[]) => void;
}

const NEW_ROUTE: RouteDraft = {
  method: 'GET',
  path: '/',
  kind: 'bytes',
  text: 'HTTP/1.1 200 OK\\r\nContent-Type: text/plain\\r\n\\r\nHello',
  file: '',
  contentType: 'text/html',
};

const KIND_LABEL = {
  file: 'ui.server.routes.kindFile',
  bytes: 'ui.server.routes.kindBytes',
  echo_page: 'ui.server.routes.kindEchoPage',
} as const satisfies Record<RouteDraft['kind'], string>;

export function RoutesTable({ routes, invalid, onRoutes }: RoutesTableProps) {
  const { t } = useTranslation();
  const idBase = useId();
  const edit = (index: number, patch: Partial<RouteDraft>): void =>
    onRoutes(routes.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <div className="routes">
      <div className="buttons">
        <button
          type="button"
          data-testid="server-routes-l3"
          title={t('ui.server.routes.lessonL3Tip')}
          onClick={() => onRoutes(L3_ROUTES.map(routeDraft))}
        >
          {t('ui.server.routes.lessonL3')}
        </button>
        <button
          type="button"
          data-testid="server-routes-l3-form"
          title={t('ui.server.routes.lessonL3FormTip')}
          onClick={() => onRoutes(L3_FORM_ROUTES.map(routeDraft))}
        >
          {t('ui.server.routes.lessonL3Form')}
        </button>
        <button type="button" data-testid="server-route-add" onClick={() => onRoutes([...routes, NEW_ROUTE])}>
          {t('ui.server.routes.add')}
        </button>
      </div>
      {routes.length === 0 && <p className="field-note">{t('ui.server.routes.empty')}</p>}
      <ol className="route-list">
        {routes.map((r, i) => (
          <li
            key={i}
            className="route"
            data-testid="server-route"
            aria-label={t('ui.server.routes.rowLabel', { n: i + 1 })}
            aria-invalid={invalid === `route${i}` || undefined}
          >
            <div className="route-line">
              <TextField
                label={t('ui.server.routes.method')}
                testId="server-route-method"
                className="field-method"
                value={r.method}
                onChange={(method) => edit(i, { method: method.toUpperCase() })}
              />
              <TextField
                label={t('ui.server.routes.path')}
                testId="server-route-path"
                className="field-path"
                value={r.path}
                onChange={(path) => edit(i, { path })}
              />
              <div className="field field-kind">
                <label htmlFor={`${idBase}-kind-${i}`}>{t('ui.server.routes.kind')}</label>
                <select
                  id={`${idBase}-kind-${i}`}
                  data-testid="server-route-kind"
                  value={r.kind}
                  onChange={(e) => edit(i, { kind: ROUTE_DRAFT_KINDS.find((k) => k === e.target.value) ?? 'bytes' })}
                >
                  {ROUTE_DRAFT_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(KIND_LABEL[kind])}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="button"
                className="route-remove"
                data-testid="server-route-remove"
                aria-label={t('ui.server.routes.removeLabel', { n: i + 1 })}
                title={t('ui.server.routes.remove')}
                onClick={() => onRoutes(routes.filter((_, k) => k !== i))}
              >
                ✕
              </button>
            </div>
            {r.kind === 'echo_page' ? (
              <p className="field-note" data-testid="server-route-echo-note">
                {t('ui.server.routes.echoPageNote')}
              </p>
            ) : r.kind === 'file' ? (
              <div className="route-line">
                <PathField
                  what="file"
                  label={t('ui.server.routes.file')}
                  testId="server-route-file"
                  className="field-path"
                  placeholder={t('ui.server.routes.filePlaceholder')}
                  value={r.file}
                  onChange={(file) => edit(i, { file })}
                />
                <TextField
                  label={t('ui.server.routes.contentType')}
                  testId="server-route-type"
                  className="field-type"
                  value={r.contentType}
                  onChange={(contentType) => edit(i, { contentType })}
                />
              </div>
            ) : (
              <BytesEditor
                label={t('ui.server.routes.bytes')}
                testId="server-route-bytes"
                value={r.text}
                onChange={(text) => edit(i, { text })}
                enterInserts="crlf"
                minLines={3}
              />
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
