import { errorCode } from './settings/backup-file';

/**
 * Whether a process with this pid runs on this machine (signal 0 only checks). EPERM means it exists
 * but belongs to another user, so it is alive too. Used to tell a lock or owner file left by a dead process.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}
