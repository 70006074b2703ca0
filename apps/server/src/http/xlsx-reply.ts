import type { FastifyReply } from 'fastify';
import { contentDisposition } from './content-disposition.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An XLSX built for this caller: downloaded under its Cyrillic name, never cached. */
export const sendXlsx = (reply: FastifyReply, file: { name: string; bytes: Buffer }) =>
  reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', contentDisposition(file.name))
    .header('cache-control', 'no-store')
    .send(file.bytes);
