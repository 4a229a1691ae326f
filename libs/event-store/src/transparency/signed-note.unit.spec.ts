import { checkpointText, openCheckpoint, signCheckpoint } from './checkpoint';
import { formatVerifierKey, NoteSigner, openSignedNote, parseVerifierKey, SignedNoteError } from './signed-note';

// The published example of golang.org/x/mod/sumdb/note (note_test.go): Ed25519 signatures are
// deterministic, so producing its exact signature line shows standard tooling reads ours.
const VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const NOTE = `${TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

describe('signed notes (C2SP signed-note)', () => {
  it('sign the Go reference note byte for byte with the reference key', () => {
    const signer = NoteSigner.parse(SKEY);
    expect(signer.verifierKey).toBe(VKEY);
    expect(signer.privateKeyText()).toBe(SKEY);
    expect(signer.sign(TEXT)).toBe(NOTE);
  });

  it('open the reference note with the reference verifier key, and refuse it altered or under another key', () => {
    const verifier = parseVerifierKey(VKEY);
    expect(formatVerifierKey(verifier)).toBe(VKEY);
    expect(openSignedNote(NOTE, verifier)).toBe(TEXT);
    expect(() => openSignedNote(NOTE.replace('cryptography', 'cryptographY'), verifier)).toThrow('does not verify');
    expect(() => openSignedNote(NOTE, NoteSigner.generate('PeterNeumann').verifier)).toThrow('no signature by PeterNeumann');
    expect(() => openSignedNote(TEXT, verifier)).toThrow(SignedNoteError);
  });

  it('refuse verifier keys whose id does not match the key, or that are not Ed25519', () => {
    expect(() => parseVerifierKey(VKEY.replace('c74f20a3', 'c74f20a4'))).toThrow('key id does not match');
    expect(() => parseVerifierKey('PeterNeumann+c74f20a3+AhpcPDhM')).toThrow(SignedNoteError);
    expect(() => parseVerifierKey('no plus signs')).toThrow(SignedNoteError);
  });
});

describe('checkpoints (C2SP tlog-checkpoint)', () => {
  const checkpoint = { origin: 'c2g.example/log', treeSize: 12, rootHash: Buffer.alloc(32, 7), timestamp: '2026-12-04T10:00:00.000Z' };

  it('are origin, size, base64 root and a timestamp line, signed as a note', () => {
    expect(checkpointText(checkpoint)).toBe(`c2g.example/log\n12\n${Buffer.alloc(32, 7).toString('base64')}\ntimestamp 2026-12-04T10:00:00.000Z\n`);
    const signer = NoteSigner.generate('c2g.example/log');
    const note = signCheckpoint(signer, checkpoint);
    expect(openCheckpoint(note, signer.verifier)).toEqual(checkpoint);
    expect(() => openCheckpoint(note.replace('\n12\n', '\n13\n'), signer.verifier)).toThrow('does not verify');
  });
});
