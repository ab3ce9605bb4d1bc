using System.Text.Json;

namespace Referral.LoadGen.Scenarios;

/// <summary>Reads the few fields the bots need from hub event payloads (camelCase JSON).</summary>
public static class EventFields
{
    public static int QuestionIndex(JsonElement started) => started.GetProperty("question").GetProperty("index").GetInt32();

    public static DateTime Time(JsonElement e, string name) => e.GetProperty(name).GetDateTimeOffset().UtcDateTime;

    public static int Int(JsonElement e, string name, int fallback = 0) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : fallback;
}
