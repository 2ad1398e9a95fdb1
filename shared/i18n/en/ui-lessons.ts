// English words of the Lessons panel (ui.lessons): the guided lessons L1–L4 of LESSONS.md, their
// steps, prediction questions and answers. The lessons' programs are code and are not translated.
export const lessons = {
  heading: 'Lessons',
} as const;
