namespace Referral.Grains.Tests.Persistence;

/// <summary>A test-only grain that registers reminders, so the reminder table is exercised through a grain.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task Register(string name, TimeSpan dueTime, TimeSpan period);

    Task<bool> Has(string name);

    Task Unregister(string name);
}
