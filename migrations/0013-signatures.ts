import type { Migration } from './types.js';
import { ID, refuse, refuseWhen, rowid, TEXT } from './postgres.js';

/**
 * Digital signatures of issued documents (PAdES PDFs made by `thidua sign`): who signed (the
 * certificate's subject, serial and issuer), when, and the SHA-256 of the signed file, so a PDF can be
 * recognised later as a document of this register. A signature record never changes; a signed
 * document is final (its number, date, identity and frozen model can no longer change), and is
 * revoked only by a later decision that the register names (`revoked_by`).
 */
const sqlite = [
  `CREATE TABLE document_signatures (
     id INTEGER PRIMARY KEY,
     document_id INTEGER NOT NULL REFERENCES documents(id),
     signed_at TEXT NOT NULL,
     signer_name TEXT NOT NULL,
     signer_subject TEXT NOT NULL,
     serial TEXT NOT NULL,
     issuer TEXT NOT NULL,
     certificate_sha256 TEXT NOT NULL,
     method TEXT NOT NULL CHECK (method IN ('pkcs12','pkcs11')),
     visible INTEGER NOT NULL CHECK (visible IN (0,1)),
     sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
     size INTEGER NOT NULL CHECK (size > 0),
     created_at TEXT NOT NULL)`,
  `CREATE INDEX document_signatures_document ON document_signatures(document_id)`,
  `CREATE TRIGGER document_signatures_no_update BEFORE UPDATE ON document_signatures
     BEGIN SELECT RAISE(ABORT, 'a signature record never changes'); END`,
  `CREATE TRIGGER document_signatures_no_delete BEFORE DELETE ON document_signatures
     BEGIN SELECT RAISE(ABORT, 'a signature record is never deleted'); END`,
  `ALTER TABLE documents ADD COLUMN revoked_by INTEGER REFERENCES documents(id)`,
  `CREATE TRIGGER documents_signed_final BEFORE UPDATE OF kind, year, number, date, type, title, ref, profile_valid_from, payload ON documents
     WHEN EXISTS (SELECT 1 FROM document_signatures WHERE document_id = OLD.id)
     BEGIN SELECT RAISE(ABORT, 'a signed document is final'); END`,
  `CREATE TRIGGER documents_signed_revoked_by_decision BEFORE UPDATE OF status ON documents
     WHEN NEW.status = 'revoked' AND NEW.revoked_by IS NULL
       AND EXISTS (SELECT 1 FROM document_signatures WHERE document_id = OLD.id)
     BEGIN SELECT RAISE(ABORT, 'a signed document is revoked only by a new decision'); END`,
];

const postgres = [
  `CREATE TABLE document_signatures (
     id ${ID},
     document_id BIGINT NOT NULL REFERENCES documents(id),
     signed_at ${TEXT} NOT NULL,
     signer_name ${TEXT} NOT NULL,
     signer_subject ${TEXT} NOT NULL,
     serial ${TEXT} NOT NULL,
     issuer ${TEXT} NOT NULL,
     certificate_sha256 ${TEXT} NOT NULL,
     method ${TEXT} NOT NULL CHECK (method IN ('pkcs12','pkcs11')),
     visible BIGINT NOT NULL CHECK (visible IN (0,1)),
     sha256 ${TEXT} NOT NULL UNIQUE CHECK (length(sha256) = 64),
     size BIGINT NOT NULL CHECK (size > 0),
     created_at ${TEXT} NOT NULL)`,
  ...rowid('document_signatures'),
  `CREATE INDEX document_signatures_document ON document_signatures(document_id)`,
  refuse('document_signatures_no_update', 'UPDATE', 'document_signatures', 'a signature record never changes'),
  refuse('document_signatures_no_delete', 'DELETE', 'document_signatures', 'a signature record is never deleted'),
  `ALTER TABLE documents ADD COLUMN revoked_by BIGINT REFERENCES documents(id)`,
  ...refuseWhen(
    'documents_signed_final',
    'UPDATE OF kind, year, number, date, type, title, ref, profile_valid_from, payload',
    'documents',
    'EXISTS (SELECT 1 FROM document_signatures WHERE document_id = OLD.id)',
    'a signed document is final',
  ),
  ...refuseWhen(
    'documents_signed_revoked_by_decision',
    'UPDATE OF status',
    'documents',
    `NEW.status = 'revoked' AND NEW.revoked_by IS NULL AND EXISTS (SELECT 1 FROM document_signatures WHERE document_id = OLD.id)`,
    'a signed document is revoked only by a new decision',
  ),
];

export const migration0013: Migration = {
  id: '0013-signatures',
  description: 'digital signatures of issued documents; signed documents final',
  ddl: { sqlite, postgres },
};
