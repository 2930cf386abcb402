namespace BackOffice.Web.AuthorizationForm.TagHelpers;

internal sealed class ChoiceGroup(string name, string type, string id, bool invalid)
{
    private int _count;

    public string Name => name;
    public string Type => type;
    public bool Invalid => invalid;

    public string NextId(string value) => _count++ == 0 ? id : FormField.Id($"{name}_{value}");
}
