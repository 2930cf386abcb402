namespace BackOffice.Web.Pages.Staff.Requests;

public enum DetailsInputKind
{
    Text,
    TextArea,
    WholeNumber,
    Amount,
    Checkbox,
    Choice,
    StaffChoice,
    DateTime,
}
