import type { MountedView, MountView } from '../host.js';

export const mount: MountView = (host): MountedView => {
  host.container.textContent = 'The cafe is coming.';
  return { signIn: async () => {}, signOut: () => {}, destroy: () => {} };
};
