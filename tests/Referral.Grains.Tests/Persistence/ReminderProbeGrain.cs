namespace Referral.Grains.Tests.Persistence;

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public Task Register(string name, TimeSpan dueTime, TimeSpan period) => this.RegisterOrUpdateReminder(name, dueTime, period);

    public async Task<bool> Has(string name) => await this.GetReminder(name) is not null;

    public async Task Unregister(string name)
    {
        var reminder = await this.GetReminder(name) ?? throw new InvalidOperationException($"Reminder {name} is not registered.");
        await this.UnregisterReminder(reminder);
    }

    // The tests use due times far beyond their run: a tick would mean the period was misread.
    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        throw new InvalidOperationException($"Reminder {reminderName} fired during a test; its due time is meant to be out of reach.");
}
