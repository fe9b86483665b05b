using System.Globalization;
using System.Text.Json;
using System.Web;
using Omnichannel.Testing;

namespace Omnichannel.Channels.Tests.Polling;

/// <summary>
/// A WooCommerce order search: answers <c>modified_after</c>/<c>modified_before</c> pages from a list of
/// orders. An order can be "indexed late" (invisible to the first N searches), as a real store's can be.
/// </summary>
public sealed class FakeWooStore
{
    private readonly List<(int Id, DateTimeOffset Modified, int HiddenForSearches)> _orders = [];
    private int _searches;

    /// <summary>Page numbers that answer 400 (a failure that is not retried), once each.</summary>
    public HashSet<int> FailPages { get; } = [];

    public void Add(int id, DateTimeOffset modified, int hiddenForSearches = 0) => _orders.Add((id, modified, hiddenForSearches));

    public (int Status, string Body)? Answer(RecordedRequest request)
    {
        if (!request.PathAndQuery.StartsWith("/wp-json/wc/v3/orders?", StringComparison.Ordinal))
        {
            return null;
        }

        var query = HttpUtility.ParseQueryString(request.PathAndQuery.Split('?')[1]);
        var page = int.Parse(query["page"]!, CultureInfo.InvariantCulture);
        if (FailPages.Remove(page))
        {
            return (400, "{\"code\":\"bad\"}");
        }

        if (page == 1)
        {
            _searches++;
        }

        var after = DateTimeOffset.Parse(query["modified_after"]!, CultureInfo.InvariantCulture);
        var before = DateTimeOffset.Parse(query["modified_before"]!, CultureInfo.InvariantCulture);
        var size = int.Parse(query["per_page"]!, CultureInfo.InvariantCulture);
        var matching = _orders
            .Where(o => o.Modified > after && o.Modified < before && o.HiddenForSearches < _searches)
            .OrderBy(o => o.Modified)
            .Skip((page - 1) * size)
            .Take(size)
            .Select(o => Order(o.Id, o.Modified));
        return (200, "[" + string.Join(",", matching) + "]");
    }

    private static string Order(int id, DateTimeOffset modified)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Adapters", "WooCommerce", "Payloads", "order-created.json"));
        using var document = JsonDocument.Parse(text);
        var order = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(text)!;
        order["id"] = JsonSerializer.SerializeToElement(id);
        order["date_modified_gmt"] = JsonSerializer.SerializeToElement(modified.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        return JsonSerializer.Serialize(order);
    }
}
