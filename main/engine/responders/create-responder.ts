// The responder for a server's configuration: which of the four answers a request. Built once per
// configuration change, not per request.
import type { ResponderConfig } from '../../../shared/server/settings';
import type { Responder } from '../responder';
import { cannedResponder } from './canned';
import { echoResponder } from './echo';
import { routesResponder } from './routes';
import { staticFilesResponder } from './static-files';

export interface ResponderEnv {
  /** The sample document root shipped with the app (app/docroot), or null when there is none. */
  readonly sampleRoot: string | null;
}

export function createResponder(config: ResponderConfig, env: ResponderEnv): Responder {
  switch (config.kind) {
    case 'canned':
      return cannedResponder(config.bytes);
    case 'static':
      return staticFilesResponder(config.root ?? env.sampleRoot, config.notFoundText);
    case 'routes':
      return routesResponder(config.routes, env.sampleRoot);
    case 'echo':
      return echoResponder();
  }
}
