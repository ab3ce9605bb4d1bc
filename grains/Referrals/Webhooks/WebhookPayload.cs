using System.Text;
using System.Text.Json;
using Referral.Grains.Abstractions.Referrals.Webhooks;

namespace Referral.Grains.Referrals.Webhooks;

/// <summary>The request body: <c>{"id","type","createdAt","data"}</c>, <c>data</c> being the event's JSON as given.</summary>
public static class WebhookPayload
{
    public static byte[] Body(WebhookEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", evt.Id);
            writer.WriteString("type", evt.Type);
            writer.WriteString("createdAt", evt.OccurredAt.ToUniversalTime());
            writer.WritePropertyName("data");
            // Validated as one JSON value when enqueued; written verbatim so receivers get exactly it.
            writer.WriteRawValue(evt.DataJson, skipInputValidation: false);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static string BodyText(WebhookEvent evt) => Encoding.UTF8.GetString(Body(evt));
}
