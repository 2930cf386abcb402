namespace BackOffice.Web.Charts;

public enum ChartValueKind
{
    Count,
    Currency,
    Days,
}
