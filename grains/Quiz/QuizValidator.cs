using Referral.Grains.Abstractions.Quiz;

namespace Referral.Grains.Quiz;

/// <summary>
/// Checks a quiz against <see cref="QuizLimits"/> and the rules of each question type. Errors are
/// keyed by field path (<c>questions[2].options</c>) so the api can name them in a ProblemDetails.
/// </summary>
public static class QuizValidator
{
    public static IReadOnlyDictionary<string, string[]> Validate(QuizDefinition? quiz)
    {
        var errors = new Errors();
        if (quiz is null)
        {
            errors.Add("quiz", "Required.");
            return errors.Result;
        }

        Text(errors, "title", quiz.Title, QuizLimits.TitleMax, required: true);
        Text(errors, "description", quiz.Description, QuizLimits.DescriptionMax, required: false);
        if (quiz.Questions is null || quiz.Questions.Count < QuizLimits.QuestionsMin)
        {
            errors.Add("questions", $"At least {QuizLimits.QuestionsMin} question.");
            return errors.Result;
        }

        if (quiz.Questions.Count > QuizLimits.QuestionsMax)
        {
            errors.Add("questions", $"At most {QuizLimits.QuestionsMax} questions.");
        }

        for (var i = 0; i < quiz.Questions.Count; i++)
        {
            ValidateQuestion(errors, $"questions[{i}]", quiz.Questions[i]);
        }

        return errors.Result;
    }

    private static void ValidateQuestion(Errors errors, string path, QuestionDefinition? q)
    {
        if (q is null)
        {
            errors.Add(path, "Required.");
            return;
        }

        if (!Enum.IsDefined(q.Type))
        {
            errors.Add($"{path}.type", "Unknown question type.");
            return;
        }

        Text(errors, $"{path}.text", q.Text, QuizLimits.QuestionTextMax, required: true);
        if (q.TimeLimitSeconds is < QuizLimits.TimeLimitMinSeconds or > QuizLimits.TimeLimitMaxSeconds)
        {
            errors.Add($"{path}.timeLimitSeconds", $"Between {QuizLimits.TimeLimitMinSeconds} and {QuizLimits.TimeLimitMaxSeconds} seconds.");
        }

        if (!Enum.IsDefined(q.Points))
        {
            errors.Add($"{path}.points", "Standard, Double or None.");
        }

        if (q.ImageUrl is not null && !IsImageUrl(q.ImageUrl))
        {
            errors.Add($"{path}.imageUrl", $"An absolute http(s) URL of at most {QuizLimits.ImageUrlMax} characters.");
        }

        var options = q.Options ?? [];
        var correct = q.CorrectOptions ?? [];
        var accepted = q.AcceptedAnswers ?? [];
        switch (q.Type)
        {
            case QuestionType.SingleChoice:
                Options(errors, path, options);
                Correct(errors, path, correct, options.Count, exactlyOne: true);
                break;
            case QuestionType.MultipleSelect:
                Options(errors, path, options);
                Correct(errors, path, correct, options.Count, exactlyOne: false);
                break;
            case QuestionType.TrueFalse:
                if (options.Count != 2)
                {
                    errors.Add($"{path}.options", "True/false questions have exactly two options (true, false).");
                }

                Correct(errors, path, correct, 2, exactlyOne: true);
                break;
            case QuestionType.Poll:
                Options(errors, path, options);
                if (correct.Count > 0)
                {
                    errors.Add($"{path}.correctOptions", "A poll has no correct answer.");
                }

                break;
            case QuestionType.Ordering:
                Options(errors, path, options);
                if (correct.Count > 0)
                {
                    errors.Add($"{path}.correctOptions", "Ordering questions take the options' order as the answer; leave this empty.");
                }

                break;
            case QuestionType.TypeAnswer:
                if (options.Count > 0)
                {
                    errors.Add($"{path}.options", "Type-answer questions have no options.");
                }

                if (accepted.Count is 0 or > QuizLimits.AcceptedAnswersMax)
                {
                    errors.Add($"{path}.acceptedAnswers", $"Between 1 and {QuizLimits.AcceptedAnswersMax} accepted answers.");
                }

                for (var i = 0; i < accepted.Count; i++)
                {
                    Text(errors, $"{path}.acceptedAnswers[{i}]", accepted[i], QuizLimits.AcceptedAnswerMax, required: true);
                }

                break;
        }

        if (q.Type != QuestionType.TypeAnswer && accepted.Count > 0)
        {
            errors.Add($"{path}.acceptedAnswers", "Only type-answer questions take accepted answers.");
        }
    }

    private static void Options(Errors errors, string path, IReadOnlyList<string> options)
    {
        if (options.Count is < QuizLimits.OptionsMin or > QuizLimits.OptionsMax)
        {
            errors.Add($"{path}.options", $"Between {QuizLimits.OptionsMin} and {QuizLimits.OptionsMax} options.");
        }

        for (var i = 0; i < options.Count; i++)
        {
            Text(errors, $"{path}.options[{i}]", options[i], QuizLimits.OptionTextMax, required: true);
        }

        var distinct = options.Where(o => o is not null).Select(o => TextAnswers.Normalize(o)).Distinct(StringComparer.Ordinal).Count();
        if (distinct != options.Count(o => o is not null))
        {
            errors.Add($"{path}.options", "Options must differ from each other.");
        }
    }

    private static void Correct(Errors errors, string path, IReadOnlyList<int> correct, int optionCount, bool exactlyOne)
    {
        if (exactlyOne ? correct.Count != 1 : correct.Count < 1)
        {
            errors.Add($"{path}.correctOptions", exactlyOne ? "Exactly one correct option." : "At least one correct option.");
        }

        if (correct.Any(i => i < 0 || i >= optionCount))
        {
            errors.Add($"{path}.correctOptions", "Every correct option must be the index of an option.");
        }

        if (correct.Distinct().Count() != correct.Count)
        {
            errors.Add($"{path}.correctOptions", "No index may repeat.");
        }
    }

    private static void Text(Errors errors, string path, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(path, "Required.");
            }

            return;
        }

        if (value.Length > max)
        {
            errors.Add(path, $"At most {max} characters.");
        }
    }

    private static bool IsImageUrl(string url) =>
        url.Length <= QuizLimits.ImageUrlMax
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, string[]> Result => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

        public void Add(string field, string message)
        {
            if (!_errors.TryGetValue(field, out var list))
            {
                _errors[field] = list = [];
            }

            list.Add(message);
        }
    }
}
