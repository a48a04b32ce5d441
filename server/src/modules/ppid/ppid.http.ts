import type { FastifyInstance, FastifyReply } from 'fastify';
import { DOCUMENT_TYPES, MAX_DOCUMENT_BYTES } from './files.ts';

/** Sends a stored document as a download; nosniff so a browser never runs it as something else. */
export function sendDocument(reply: FastifyReply, doc: { filename: string; mime: string; body: Buffer }): FastifyReply {
  return reply
    .header('content-type', doc.mime)
    .header('content-disposition', `attachment; filename="${doc.filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(doc.body);
}

/** Raw-body parsers for document uploads, inside the PPID plugin only (text/csv is already parsed app-wide). */
export function registerDocumentParsers(scope: FastifyInstance): void {
  const missing = DOCUMENT_TYPES.filter((t) => !scope.hasContentTypeParser(t));
  scope.addContentTypeParser(missing, { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES }, (_req, body, done) => done(null, body));
}

/** Upload route options: the file's bytes are the body, its name travels in the query. */
export const UPLOAD_BODY_LIMIT = MAX_DOCUMENT_BYTES;
