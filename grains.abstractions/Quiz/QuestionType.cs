namespace Referral.Grains.Abstractions.Quiz;

/// <summary>The kinds of question a quiz can hold. Stored by name in exported JSON.</summary>
public enum QuestionType
{
    /// <summary>2–6 options, exactly one correct.</summary>
    SingleChoice,

    /// <summary>2–6 options, one or more correct; partial credit.</summary>
    MultipleSelect,

    /// <summary>Options "true" and "false"; one correct.</summary>
    TrueFalse,

    /// <summary>Free text matched against accepted answers, ignoring case and accents.</summary>
    TypeAnswer,

    /// <summary>2–6 options, no correct answer, no points.</summary>
    Poll,

    /// <summary>2–6 items to put in order; the author's order is the correct one; partial credit.</summary>
    Ordering,
}
