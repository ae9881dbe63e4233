namespace GradingHost.Worker.Serving;

/// <summary>The objects the checker refers to by number: modules and generators.</summary>
public sealed class Handles
{
    private readonly Dictionary<int, object> _objects = [];
    private int _next;

    public int Add(object value)
    {
        lock (_objects)
        {
            _objects[++_next] = value;
            return _next;
        }
    }

    public T Get<T>(int handle) where T : class
    {
        lock (_objects)
            return _objects.GetValueOrDefault(handle) as T
                   ?? throw new ArgumentException($"handle {handle} names no {typeof(T).Name} in this worker");
    }

    public void Release(int handle)
    {
        lock (_objects)
            _objects.Remove(handle);
    }
}
