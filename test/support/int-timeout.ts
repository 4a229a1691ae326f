// Integration tests talk to real files, child processes and sockets: 30 s each, not Jest's 5 s.
jest.setTimeout(30_000);
