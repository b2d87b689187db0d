import { BUSYBOX_IMAGE } from './engine';

/** Runs `script` in a throwaway busybox with the volume at /data: how a test puts files there. */
export const inVolume = (docker: (...a: string[]) => string, volume: string, script: string) =>
  docker('run', '--rm', '-v', `${volume}:/data`, BUSYBOX_IMAGE, 'sh', '-c', script);
