using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Polling;

namespace Omnichannel.Channels.Adapters.Allegro;

/// <summary>
/// Allegro has no push webhooks: the order event journal <c>GET /order/events?from={last event id}</c> is read
/// in order, and each checkout form named by an event the hub acts on (READY_FOR_PROCESSING, cancellations) is
/// fetched and mapped. The cursor is the last event id (events are kept 60 days); without one the journal is
/// read from its start (or from <c>StartEventId</c>). Events may arrive out of order: the order-version dedupe
/// and the consumer's <c>UpdatedAt</c> check handle that.
/// </summary>
public sealed class AllegroPoller : IOrderPoller
{
    public const int PageSize = 100;

    private static readonly HashSet<string> Acted = new(StringComparer.Ordinal) { "READY_FOR_PROCESSING", "BUYER_CANCELLED", "AUTO_CANCELLED" };

    public string Adapter => "allegro";

    public async IAsyncEnumerable<PolledPage> PollAsync(ChannelRequest request, PollWindow window, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(window);
        var from = window.Token ?? request.Account["StartEventId"];
        while (true)
        {
            var path = PollReading.Path("order/events", ("from", from is null ? null : Uri.EscapeDataString(from)), ("limit", PageSize.ToString(CultureInfo.InvariantCulture)));
            var (body, json) = await PollReading.GetAsync(request, "order-events", path, m => AllegroApi.Authorize(m, request.Account));
            using (json)
            {
                var events = json.RootElement.GetProperty("events").EnumerateArray().ToList();
                if (events.Count == 0)
                {
                    yield break;
                }

                var forms = new Dictionary<string, byte[]>();
                foreach (var e in events.Where(e => Acted.Contains(e.GetProperty("type").GetString() ?? string.Empty)))
                {
                    var id = e.GetProperty("order").GetProperty("checkoutForm").GetProperty("id").GetString()!;
                    if (!forms.ContainsKey(id))
                    {
                        forms[id] = await request.SendAsync("checkout-form", HttpMethod.Get, $"order/checkout-forms/{Uri.EscapeDataString(id)}", null, idempotent: true, m => AllegroApi.Authorize(m, request.Account));
                    }
                }

                from = events[^1].GetProperty("id").GetString();
                var (mapped, unreadable) = PageMapper.MapEach(forms.Values.Select(f => JsonSerializer.Deserialize<JsonElement>(f)), f => AllegroCheckoutFormMapper.Map(f, request.Account));
                yield return new PolledPage(path, Combine(body, forms), mapped, new PollCursor(window.To, from)) { Unreadable = unreadable };
                if (events.Count < PageSize)
                {
                    yield break;
                }
            }
        }
    }

    private static byte[] Combine(byte[] events, Dictionary<string, byte[]> forms)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("events");
            writer.WriteRawValue(events, skipInputValidation: true);
            writer.WriteStartObject("checkoutForms");
            foreach (var (id, raw) in forms)
            {
                writer.WritePropertyName(id);
                writer.WriteRawValue(raw, skipInputValidation: true);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
