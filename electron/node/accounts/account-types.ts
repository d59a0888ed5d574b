// The account types live in shared/ (the IPC contract hands AccountView to the renderer).
export * from '../../../shared/domain/accounts';
