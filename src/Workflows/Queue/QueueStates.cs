using System.Text;

namespace BackOffice.Workflows.Queue;

/// <summary>State names are identifiers ("InFulfillment"); staff read them as words ("In fulfillment").</summary>
public static class QueueStates
{
    public static string Describe(string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var words = new StringBuilder(state.Length + 4);
        for (var i = 0; i < state.Length; i++)
        {
            var c = state[i];
            if (i > 0 && char.IsUpper(c))
                words.Append(' ').Append(char.ToLowerInvariant(c));
            else
                words.Append(c);
        }

        return words.ToString();
    }
}
