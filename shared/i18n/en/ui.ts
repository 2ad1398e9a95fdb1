// English words of the renderer. Owned by the renderer; keys grouped by panel.
export const ui = {
  app: { title: 'Wirebench' },
} as const;
