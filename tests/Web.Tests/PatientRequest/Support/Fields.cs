namespace BackOffice.Web.Tests.PatientRequest.Support;

/// <summary>Form fields in order; a name set with the indexer has one value, <see cref="Add"/> repeats a name (check boxes).</summary>
public sealed class Fields : List<KeyValuePair<string, string>>
{
    public string this[string name]
    {
        get => this.Last(f => f.Key == name).Value;
        set
        {
            RemoveAll(f => f.Key == name);
            Add(KeyValuePair.Create(name, value));
        }
    }

    public void Add(string name, string value) => Add(KeyValuePair.Create(name, value));

    public Fields Without(string name)
    {
        RemoveAll(f => f.Key == name);
        return this;
    }
}
