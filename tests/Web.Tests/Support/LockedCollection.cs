using System.Collections;

namespace BackOffice.Web.Tests.Support;

/// <summary>A collection safe to add to from several threads at once (an exporter called as spans end on many threads).</summary>
public sealed class LockedCollection<T> : ICollection<T>
{
    private readonly List<T> _items = [];
    private readonly Lock _lock = new();

    public int Count { get { lock (_lock) return _items.Count; } }

    public bool IsReadOnly => false;

    public void Add(T item) { lock (_lock) _items.Add(item); }

    public void Clear() { lock (_lock) _items.Clear(); }

    public bool Contains(T item) { lock (_lock) return _items.Contains(item); }

    public void CopyTo(T[] array, int arrayIndex) { lock (_lock) _items.CopyTo(array, arrayIndex); }

    public bool Remove(T item) { lock (_lock) return _items.Remove(item); }

    /// <summary>Enumerates a copy taken under the lock.</summary>
    public IEnumerator<T> GetEnumerator()
    {
        T[] copy;
        lock (_lock) copy = [.. _items];
        return ((IEnumerable<T>)copy).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
