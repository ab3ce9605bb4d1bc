using Referral.Grains.Abstractions.Quiz;

namespace Referral.Grains.Quiz;

/// <summary>
/// Judges one answer against its question. Partial credit (documented in docs/scoring.md):
/// multiple select earns (right picks − wrong picks) / correct options, never below 0; ordering
/// earns the share of items in their correct position. Only full credit counts as correct.
/// </summary>
public static class AnswerJudge
{
    public static Judgement Judge(QuestionDefinition question, AnswerSubmission answer)
    {
        var choices = answer.Choices ?? [];
        switch (question.Type)
        {
            case QuestionType.SingleChoice:
            case QuestionType.TrueFalse:
                if (choices.Count != 1 || !InRange(choices, question.Options.Count))
                {
                    return Judgement.Invalid("Choose exactly one option.");
                }

                return Full(choices[0] == question.CorrectOptions[0]);

            case QuestionType.Poll:
                if (choices.Count != 1 || !InRange(choices, question.Options.Count))
                {
                    return Judgement.Invalid("Choose exactly one option.");
                }

                return new Judgement(0, false, null);

            case QuestionType.MultipleSelect:
                if (choices.Count < 1 || !InRange(choices, question.Options.Count) || HasRepeats(choices))
                {
                    return Judgement.Invalid("Choose one or more different options.");
                }

                var correct = question.CorrectOptions.ToHashSet();
                var right = choices.Count(correct.Contains);
                var wrong = choices.Count - right;
                var credit = Math.Max(0, (double)(right - wrong) / correct.Count);
                return new Judgement(credit, right == correct.Count && wrong == 0, null);

            case QuestionType.Ordering:
                if (choices.Count != question.Options.Count || !InRange(choices, question.Options.Count) || HasRepeats(choices))
                {
                    return Judgement.Invalid("Place every item exactly once.");
                }

                // The author's order is the answer: position i must hold item i.
                var placed = choices.Where((item, position) => item == position).Count();
                return new Judgement((double)placed / choices.Count, placed == choices.Count, null);

            case QuestionType.TypeAnswer:
                if (string.IsNullOrWhiteSpace(answer.Text) || answer.Text.Length > QuizLimits.AcceptedAnswerMax * 2)
                {
                    return Judgement.Invalid($"Type an answer of at most {QuizLimits.AcceptedAnswerMax * 2} characters.");
                }

                return Full(TextAnswers.Matches(answer.Text, question.AcceptedAnswers));

            default:
                return Judgement.Invalid("Unknown question type.");
        }
    }

    private static Judgement Full(bool correct) => new(correct ? 1 : 0, correct, null);

    private static bool InRange(IReadOnlyList<int> choices, int count) => choices.All(c => c >= 0 && c < count);

    private static bool HasRepeats(IReadOnlyList<int> choices) => choices.Distinct().Count() != choices.Count;
}
