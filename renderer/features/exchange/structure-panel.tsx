// Beside the bytes: what the HTTP annotator found in each direction, as a tree (message, start
// line, header fields, blank line, body, chunks) and a list of problems. Every item selects its
// bytes, and the views scroll to them: the tree is a map of the bytes, not a second copy of them.
import { useMemo, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation, Problem } from '../../../shared/http/annotate/annotation';
import type { Dir } from '../../../shared/contract/contract';
import { problemSentence } from '../../../shared/i18n/coded-sentences';
import { selectionOf } from '../../store/selection-slice';
import type { ByteSelection } from '../../store/state-types';
import { useWirebench } from '../../store/store-context';
import { structureTree, treeLabel, type TreeNode } from './annotation-view';
import { rangeText } from './describe-byte';
import type { DirAnnotations } from './exchange-annotator';
import type { DirStream, Exchange } from './exchange-model';
import { SelectedBody } from './selected-body';

/** What can be done with one request (features/export's Copy as…): `offset` is where it starts, `n` its number. */
export type RequestActions = ComponentType<{ connId: string; offset: number; n: number }>;

interface Props {
  connId: string;
  exchange: Exchange;
  annotations: DirAnnotations;
  /** Requests first: the direction that carries them. */
  order: readonly Dir[];
  selection: ByteSelection | null;
  RequestActions?: RequestActions | undefined;
}

export function StructurePanel({ connId, exchange, annotations, order, selection, RequestActions }: Props) {
  const { t } = useTranslation();
  return (
    <aside className="structure-panel" data-testid="structure" aria-label={t('ui.annotation.structure')}>
      {order.map((dir) => {
        const annotation = annotations[dir];
        // The annotator reads only the bytes at hand (exchange-annotator.ts): say so when there are none.
        const unread = annotation?.length === 0 && exchange[dir].chunks.some((c) => !c.bytes);
        return annotation ? (
          <DirStructure key={dir} connId={connId} dir={dir} annotation={annotation} stream={exchange[dir]} selection={selection} unread={unread} RequestActions={RequestActions} />
        ) : null;
      })}
    </aside>
  );
}

interface DirProps {
  connId: string;
  dir: Dir;
  annotation: Annotation;
  stream: DirStream;
  selection: ByteSelection | null;
  unread: boolean;
  RequestActions?: RequestActions | undefined;
}

function DirStructure({ connId, dir, annotation, stream, selection, unread, RequestActions }: DirProps) {
  const { t } = useTranslation();
  const tree = useMemo(() => structureTree(annotation), [annotation]);
  const here = selection?.dir === dir ? selection : null;
  return (
    <section className="structure-side">
      <h3>{t(`ui.annotation.side.${annotation.side}`)}</h3>
      {tree.length === 0 ? (
        <p className="empty">{unread ? t('ui.annotation.noBytes') : t('ui.annotation.none')}</p>
      ) : (
        <ul className="tree" role="tree">
          {tree.map((node) => (
            <TreeItem key={node.id} node={node} connId={connId} dir={dir} selection={here} RequestActions={RequestActions} />
          ))}
        </ul>
      )}
      <SelectedBody annotation={annotation} stream={stream} selection={here} />
      {annotation.problems.length > 0 && (
        <>
          <h4>{t('ui.annotation.problems')}</h4>
          <ul className="problems" data-testid="problems">
            {annotation.problems.map((p, i) => (
              <ProblemItem key={i} problem={p} connId={connId} dir={dir} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface TreeItemProps {
  node: TreeNode;
  connId: string;
  dir: Dir;
  selection: ByteSelection | null;
  RequestActions?: RequestActions | undefined;
}

function TreeItem({ node, connId, dir, selection, RequestActions }: TreeItemProps) {
  const { t } = useTranslation();
  const selectBytes = useWirebench((s) => s.selectBytes);
  const current = selection !== null && selection.offset >= node.offset && selection.offset + selection.length <= node.offset + Math.max(1, node.length);
  return (
    <li role="treeitem" aria-selected={current} aria-expanded={node.children.length > 0 ? true : undefined}>
      <button
        type="button"
        className={`tree-item${current ? ' current' : ''}`}
        data-testid="structure-item"
        title={rangeText(node.offset, node.length, t)}
        onClick={() => selectBytes(selectionOf(connId, dir, node.offset, node.length))}
      >
        {treeLabel(node.label, t)}
      </button>
      {RequestActions && node.label.kind === 'message' && node.label.side === 'request' && <RequestActions connId={connId} offset={node.offset} n={node.label.n} />}
      {node.children.length > 0 && (
        <ul role="group">
          {node.children.map((child) => (
            <TreeItem key={child.id} node={child} connId={connId} dir={dir} selection={selection} />
          ))}
        </ul>
      )}
    </li>
  );
}

function ProblemItem({ problem, connId, dir }: { problem: Problem; connId: string; dir: Dir }) {
  const { t } = useTranslation();
  const selectBytes = useWirebench((s) => s.selectBytes);
  return (
    <li>
      <button
        type="button"
        className={`problem-item sev-${problem.severity}`}
        data-testid="problem-item"
        data-code={problem.code}
        title={rangeText(problem.offset, Math.max(1, problem.length), t)}
        // A problem at a point (the bytes ended too soon) selects the last byte before it.
        onClick={() =>
          selectBytes(problem.length > 0 ? selectionOf(connId, dir, problem.offset, problem.length) : selectionOf(connId, dir, Math.max(0, problem.offset - 1), 1))
        }
      >
        <span className="severity">{t(`ui.annotation.severity.${problem.severity}`)}</span> {problemSentence(t, problem.code, problem.params)}
      </button>
    </li>
  );
}
