namespace Omnichannel.Ledger.Stock;

/// <summary>
/// Lets one writer per SKU at a time into the read-modify-write on this instance. Correctness never depends
/// on it (the ETag check does that across instances); it turns in-process contention on a hot SKU into a
/// queue instead of a storm of reads and 412s, each of which costs a storage request.
/// </summary>
internal sealed class SkuGate
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string sku, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(sku, out entry!))
            {
                _entries[sku] = entry = new Entry();
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(sku, entry, held: false);
            throw;
        }

        return new Lease(this, sku, entry);
    }

    private void Leave(string sku, Entry entry, bool held)
    {
        if (held)
        {
            entry.Semaphore.Release();
        }

        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(sku);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Lease(SkuGate gate, string sku, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Leave(sku, entry, held: true);
            }
        }
    }
}
