// English words of the `wirebench` command and the start script.
export const cli = {
  web: { listening: 'Wirebench is running in your browser at {{url}}' },
} as const;
