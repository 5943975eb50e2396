namespace WifiBilling.Billing.Storage.Sqlite;

/// <summary>
/// The one shape of every state change: read the row inside the writer's transaction, let the domain rule decide,
/// and write back only when the rule changed something — conditional on the version read (belt and braces: the
/// single writer already serialises writes).
/// </summary>
internal static class SqliteMutation
{
    public static T? Apply<T>(T? row, Func<T, long> version, Action<T> change, Action<T, long> write)
        where T : class
    {
        if (row is null)
        {
            return null;
        }

        var before = version(row);
        change(row);
        if (version(row) != before)
        {
            write(row, before);
        }

        return row;
    }
}
