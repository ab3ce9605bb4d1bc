import type { QuestionDefinition, QuestionType, QuizDefinition } from "../../api/types";

export const questionTypes: QuestionType[] = ["SingleChoice", "MultipleSelect", "TrueFalse", "TypeAnswer", "Poll", "Ordering"];
export const limits = { options: [2, 6], time: [5, 240], questions: 100 } as const;

export function blankQuestion(type: QuestionType = "SingleChoice"): QuestionDefinition {
  return shape({ type, text: "", options: ["", "", "", ""], correctOptions: [0], acceptedAnswers: [], timeLimitSeconds: 20, points: "Standard", imageUrl: null });
}

export function blankQuiz(): QuizDefinition {
  return { title: "", description: null, questions: [blankQuestion()] };
}

/** Makes a question fit its type's rules (what the server's validator checks), keeping what still applies. */
export function shape(q: QuestionDefinition): QuestionDefinition {
  switch (q.type) {
    case "TrueFalse":
      return { ...q, options: ["true", "false"], correctOptions: [q.correctOptions[0] === 1 ? 1 : 0], acceptedAnswers: [] };
    case "TypeAnswer":
      return { ...q, options: [], correctOptions: [], acceptedAnswers: q.acceptedAnswers.length ? q.acceptedAnswers : [""] };
    case "Poll":
    case "Ordering":
      return { ...q, options: fillOptions(q.options), correctOptions: [], acceptedAnswers: [] };
    case "SingleChoice": {
      const options = fillOptions(q.options);
      const first = q.correctOptions.find((c) => c < options.length) ?? 0;
      return { ...q, options, correctOptions: [first], acceptedAnswers: [] };
    }
    case "MultipleSelect": {
      const options = fillOptions(q.options);
      const correct = q.correctOptions.filter((c) => c < options.length);
      return { ...q, options, correctOptions: correct.length ? correct : [0], acceptedAnswers: [] };
    }
  }
}

function fillOptions(options: string[]): string[] {
  const kept = options.slice();
  while (kept.length < limits.options[0]) kept.push("");
  return kept.slice(0, limits.options[1]);
}

/** What goes to the server: trimmed text, no empty accepted answers. */
export function clean(quiz: QuizDefinition): QuizDefinition {
  return {
    title: quiz.title.trim(),
    description: quiz.description?.trim() || null,
    questions: quiz.questions.map((q) => ({
      ...q,
      text: q.text.trim(),
      options: q.options.map((o) => o.trim()),
      acceptedAnswers: q.acceptedAnswers.map((a) => a.trim()).filter(Boolean),
      imageUrl: q.imageUrl?.trim() || null,
    })),
  };
}

/** Reads an imported JSON file (the export format of GET /api/quizzes/{id}/export). */
export function parseQuiz(json: string): QuizDefinition {
  const value = JSON.parse(json);
  if (!value || typeof value.title !== "string" || !Array.isArray(value.questions)) throw new Error("not a quiz");
  return {
    title: value.title,
    description: typeof value.description === "string" ? value.description : null,
    questions: value.questions.map((q: Partial<QuestionDefinition>) => ({
      type: questionTypes.includes(q.type as QuestionType) ? q.type : "SingleChoice",
      text: String(q.text ?? ""),
      options: Array.isArray(q.options) ? q.options.map(String) : [],
      correctOptions: Array.isArray(q.correctOptions) ? q.correctOptions.map(Number) : [],
      acceptedAnswers: Array.isArray(q.acceptedAnswers) ? q.acceptedAnswers.map(String) : [],
      timeLimitSeconds: Number(q.timeLimitSeconds ?? 20),
      points: q.points === "Double" || q.points === "None" ? q.points : "Standard",
      imageUrl: typeof q.imageUrl === "string" ? q.imageUrl : null,
    })),
  };
}
