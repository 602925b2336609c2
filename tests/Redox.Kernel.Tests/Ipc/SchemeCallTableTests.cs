using Redox.Kernel.Ipc;
using Redox.Syscall;
using Xunit;

namespace Redox.Kernel.Tests.Ipc;

public class SchemeCallTableTests
{
    private sealed class Client
    {
        public readonly string Name;
        public Client(string name) => Name = name;
    }

    private static Sqe Read(ulong handle, ulong caller = 7)
    {
        Sqe sqe = default;
        sqe.Opcode = Opcode.Read;
        sqe.Arg0 = handle;
        sqe.Caller = caller;
        return sqe;
    }

    private static Sqe[] ReceiveAll(SchemeCallTable<Client> table)
    {
        var buffer = new Sqe[table.Capacity * 2];
        int n = table.Receive(buffer);
        return buffer[..n];
    }

    [Fact]
    public void A_call_reaches_the_driver_and_its_answer_reaches_its_client()
    {
        var table = new SchemeCallTable<Client>(4);
        var alice = new Client("alice");
        Assert.Equal((Errno)0, table.Submit(Read(3), alice, out int slot));
        Sqe[] got = ReceiveAll(table);
        Assert.Single(got);
        Assert.Equal(3UL, got[0].Arg0);
        Assert.Equal(CallState.Delivered, table.StateOf(slot));

        Assert.Equal(CompleteOutcome.Answered, table.Complete(Cqe.Respond(got[0].Tag, SyscallResult.Ok(42)), out Client? woken));
        Assert.Same(alice, woken);
        Assert.True(table.Collect(slot, out Cqe answer));
        Assert.Equal(42UL, answer.Result);
        Assert.Equal(0, table.InUse);
    }

    [Fact]
    public void Requests_are_read_oldest_first_and_each_once()
    {
        var table = new SchemeCallTable<Client>(8);
        for (ulong h = 0; h < 5; h++) table.Submit(Read(h), new Client("c" + h), out _);
        var first = new Sqe[2];
        Assert.Equal(2, table.Receive(first));
        Sqe[] rest = ReceiveAll(table);
        Assert.Equal(new ulong[] { 0, 1 }, new[] { first[0].Arg0, first[1].Arg0 });
        Assert.Equal(new ulong[] { 2, 3, 4 }, System.Array.ConvertAll(rest, r => r.Arg0));
        Assert.Empty(ReceiveAll(table));
    }

    [Fact]
    public void An_answer_with_a_tag_the_driver_was_never_given_wakes_nobody()
    {
        var table = new SchemeCallTable<Client>(4);
        table.Submit(Read(1), new Client("a"), out int a);
        table.Submit(Read(2), new Client("b"), out int b);
        Sqe[] got = ReceiveAll(table);
        // Same slot, other generation; another slot's index with this generation; an index past the table.
        Assert.Equal(CompleteOutcome.UnknownTag, table.Complete(Cqe.Respond(got[0].Tag + 0x100, SyscallResult.Ok(1)), out Client? w1));
        Assert.Equal(CompleteOutcome.UnknownTag, table.Complete(Cqe.Respond((got[0].Tag & ~0xFFu) | 3, SyscallResult.Ok(1)), out Client? w2));
        Assert.Equal(CompleteOutcome.UnknownTag, table.Complete(Cqe.Respond(0xFF, SyscallResult.Ok(1)), out Client? w3));
        Assert.Null(w1);
        Assert.Null(w2);
        Assert.Null(w3);
        Assert.Equal(CallState.Delivered, table.StateOf(a));
        Assert.Equal(CallState.Delivered, table.StateOf(b));
    }

    [Fact]
    public void An_answer_given_twice_is_taken_once()
    {
        var table = new SchemeCallTable<Client>(4);
        table.Submit(Read(1), new Client("a"), out int slot);
        Sqe request = ReceiveAll(table)[0];
        Assert.Equal(CompleteOutcome.Answered, table.Complete(Cqe.Respond(request.Tag, SyscallResult.Ok(1)), out _));
        Assert.Equal(CompleteOutcome.UnknownTag, table.Complete(Cqe.Respond(request.Tag, SyscallResult.Ok(2)), out Client? again));
        Assert.Null(again);
        Assert.True(table.Collect(slot, out Cqe answer));
        Assert.Equal(1UL, answer.Result);
    }

    [Fact]
    public void A_late_answer_to_a_reused_slot_does_not_reach_the_new_call()
    {
        // The hosted kernel's old defect: after a timeout the slot was reused and the stale answer went to the next call.
        var table = new SchemeCallTable<Client>(1);
        table.Submit(Read(1), new Client("first"), out int slot);
        Sqe old = ReceiveAll(table)[0];
        table.Abandon(slot);                         // the client timed out
        Sqe cancel = ReceiveAll(table)[0];
        Assert.Equal(Opcode.Cancel, cancel.Opcode);
        Assert.Equal(old.Tag, cancel.Tag);
        Assert.Equal(SqeFlags.OneWay, cancel.Flags);

        var second = new Client("second");
        Assert.Equal((Errno)0, table.Submit(Read(2), second, out int again));
        Assert.Equal(slot, again);
        Sqe fresh = ReceiveAll(table)[0];
        Assert.NotEqual(old.Tag, fresh.Tag);
        Assert.Equal(2UL, fresh.Arg0);
        Assert.Equal(CompleteOutcome.UnknownTag, table.Complete(Cqe.Respond(old.Tag, SyscallResult.Ok(111)), out _));
        Assert.Equal(CompleteOutcome.Answered, table.Complete(Cqe.Respond(fresh.Tag, SyscallResult.Ok(222)), out Client? woken));
        Assert.Same(second, woken);
    }

    [Fact]
    public void A_call_withdrawn_before_the_driver_read_it_is_never_delivered()
    {
        var table = new SchemeCallTable<Client>(4);
        table.Submit(Read(1), new Client("a"), out int a);
        table.Submit(Read(2), new Client("b"), out _);
        table.Submit(Read(3), new Client("c"), out _);
        table.Abandon(a);
        Sqe[] got = ReceiveAll(table);
        Assert.Equal(new ulong[] { 2, 3 }, System.Array.ConvertAll(got, r => r.Arg0));
        Assert.Equal(CallState.Free, table.StateOf(a));
    }

    [Fact]
    public void An_answer_that_arrives_after_its_client_gave_up_is_dropped()
    {
        var table = new SchemeCallTable<Client>(2);
        table.Submit(Read(1), new Client("a"), out int slot);
        Sqe request = ReceiveAll(table)[0];
        table.Abandon(slot);
        Assert.Equal(CompleteOutcome.UnknownTag, table.Complete(Cqe.Respond(request.Tag, SyscallResult.Ok(5)), out Client? woken));
        Assert.Null(woken);
        Assert.Equal(Opcode.Cancel, ReceiveAll(table)[0].Opcode);
        Assert.Equal(0, table.InUse);
    }

    [Fact]
    public void A_full_table_answers_EAGAIN_and_a_closed_one_EIO()
    {
        var table = new SchemeCallTable<Client>(2);
        Assert.Equal((Errno)0, table.Submit(Read(1), new Client("a"), out _));
        Assert.Equal((Errno)0, table.Submit(Read(2), new Client("b"), out _));
        Assert.Equal(Errno.EAGAIN, table.Submit(Read(3), new Client("c"), out _));
        table.Close();
        Assert.Equal(Errno.EIO, table.Submit(Read(4), new Client("d"), out _));
    }

    [Fact]
    public void Closing_answers_every_waiting_call_EIO_and_wakes_each_client_once()
    {
        var table = new SchemeCallTable<Client>(8);
        var queued = new Client("queued");
        var delivered = new Client("delivered");
        var answered = new Client("answered");
        var cancelled = new Client("cancelled");
        table.Submit(Read(1), delivered, out int d);
        table.Submit(Read(2), answered, out int a);
        table.Submit(Read(3), cancelled, out int c);
        Sqe[] got = ReceiveAll(table);
        table.Submit(Read(4), queued, out int q);
        table.Complete(Cqe.Respond(got[1].Tag, SyscallResult.Ok(9)), out _);   // its client was woken already
        table.Abandon(c);

        Assert.Equal(2, table.Close());
        var woken = new System.Collections.Generic.List<Client>();
        while (table.TakeFailed(out Client? w)) woken.Add(w!);
        Assert.Equal(new[] { delivered, queued }, woken.ToArray());
        Assert.Empty(ReceiveAll(table));

        Assert.True(table.Collect(d, out Cqe dAnswer));
        Assert.True(table.Collect(q, out Cqe qAnswer));
        Assert.True(table.Collect(a, out Cqe aAnswer));
        Assert.Equal(SyscallResult.Mux(Errno.EIO), dAnswer.Result);
        Assert.Equal(SyscallResult.Mux(Errno.EIO), qAnswer.Result);
        Assert.Equal(9UL, aAnswer.Result);
        Assert.Equal(0, table.InUse);
    }

    [Fact]
    public void Holds_matches_only_the_current_call_of_a_slot_in_the_state_asked()
    {
        var table = new SchemeCallTable<Client>(4);
        var alice = new Client("alice");
        table.Submit(Read(3), alice, out int slot);
        uint tag = table.TagOf(slot);
        Assert.True(table.Holds(tag, CallState.Queued));
        Assert.False(table.Holds(tag, CallState.Delivered));
        ReceiveAll(table);
        Assert.True(table.Holds(tag, CallState.Delivered));
        // Another generation of the same slot, another slot, or a slot index past the table: no match.
        Assert.False(table.Holds(tag + 0x100, CallState.Delivered));
        Assert.False(table.Holds(tag ^ 1, CallState.Delivered));
        Assert.False(table.Holds((tag & ~0xFFu) | 0xFF, CallState.Delivered));
        table.Complete(Cqe.Respond(tag, SyscallResult.Ok(1)), out _);
        Assert.False(table.Holds(tag, CallState.Delivered));
        Assert.True(table.Holds(tag, CallState.Answered));
        table.Collect(slot, out _);
        Assert.False(table.Holds(tag, CallState.Answered));
    }

    [Fact]
    public void Tags_of_consecutive_uses_of_one_slot_all_differ()
    {
        var table = new SchemeCallTable<Client>(1);
        var seen = new System.Collections.Generic.HashSet<uint>();
        for (int i = 0; i < 1000; i++)
        {
            table.Submit(Read((ulong)i), new Client("x"), out int slot);
            Sqe r = ReceiveAll(table)[0];
            Assert.True(seen.Add(r.Tag));
            Assert.Equal(0u, r.Tag & 0xFF);
            table.Complete(Cqe.Respond(r.Tag, SyscallResult.Ok(0)), out _);
            table.Collect(slot, out _);
        }
    }

    [Fact]
    public void A_one_way_message_frees_its_slot_when_read_and_is_never_answered()
    {
        var table = new SchemeCallTable<Client>(1);
        Sqe close = default;
        close.Opcode = Opcode.CloseMsg;
        close.Flags = SqeFlags.OneWay;
        close.Arg0 = 5;
        Assert.Equal(0, table.NextSlot);
        Assert.Equal((Errno)0, table.Submit(close, new Client("closer"), out int slot));
        Assert.Equal(-1, table.NextSlot);
        Sqe got = ReceiveAll(table)[0];
        Assert.Equal(Opcode.CloseMsg, got.Opcode);
        Assert.Equal(CallState.Free, table.StateOf(slot));
        Assert.Equal(CompleteOutcome.UnknownTag, table.Complete(Cqe.Respond(got.Tag, SyscallResult.Ok(0)), out Client? woken));
        Assert.Null(woken);
    }

    [Fact]
    public void Peeked_messages_stay_queued_until_consumed_and_a_partial_consume_takes_the_oldest()
    {
        var table = new SchemeCallTable<Client>(4);
        var alice = new Client("alice");
        Assert.Equal((Errno)0, table.Submit(Read(1), alice, out int first));
        Assert.Equal((Errno)0, table.Submit(Read(2), alice, out int second));
        Assert.Equal((Errno)0, table.Submit(Read(3), alice, out int third));
        table.Abandon(first);                       // still queued: withdrawn, never seen
        var peeked = new Sqe[4];
        Assert.Equal(2, table.Peek(peeked));
        Assert.Equal(2, table.Peek(peeked));        // a second look sees the same: nothing was taken
        Assert.Equal(new ulong[] { 2, 3 }, new[] { peeked[0].Arg0, peeked[1].Arg0 });
        Assert.Equal(CallState.Queued, table.StateOf(second));
        Assert.Equal(2, table.Queued);

        table.Consume(1);
        Assert.Equal(CallState.Delivered, table.StateOf(second));
        Assert.Equal(CallState.Queued, table.StateOf(third));
        Sqe[] rest = ReceiveAll(table);
        Assert.Single(rest);
        Assert.Equal(3UL, rest[0].Arg0);
    }

    [Fact]
    public void A_peeked_cancel_frees_its_slot_only_when_consumed()
    {
        var table = new SchemeCallTable<Client>(2);
        var alice = new Client("alice");
        Assert.Equal((Errno)0, table.Submit(Read(1), alice, out int slot));
        ReceiveAll(table);
        table.Abandon(slot);                        // delivered: becomes a cancel message
        var peeked = new Sqe[2];
        Assert.Equal(1, table.Peek(peeked));
        Assert.Equal(Opcode.Cancel, peeked[0].Opcode);
        Assert.Equal(CallState.Cancelling, table.StateOf(slot));
        table.Consume(1);
        Assert.Equal(CallState.Free, table.StateOf(slot));
        Assert.Equal(0, table.Queued);
    }

    [Fact]
    public void A_call_handed_over_to_a_waiting_driver_is_delivered_without_queueing_and_answered_as_usual()
    {
        var table = new SchemeCallTable<Client>(4);
        var alice = new Client("alice");
        Assert.True(table.HandOver(Read(5), alice, out int slot, out Errno error));
        Assert.Equal((Errno)0, error);
        Assert.Equal(CallState.Delivered, table.StateOf(slot));
        Assert.Equal(0, table.Queued);
        Assert.Equal(5UL, table.RequestOf(slot).Arg0);
        Assert.Equal(table.TagOf(slot), table.RequestOf(slot).Tag);
        Assert.Empty(ReceiveAll(table));                 // nothing more to read: it was delivered once

        Assert.Equal(CompleteOutcome.Answered, table.Complete(Cqe.Respond(table.TagOf(slot), SyscallResult.Ok(9)), out Client? woken));
        Assert.Same(alice, woken);
        Assert.True(table.Collect(slot, out Cqe answer));
        Assert.Equal(9UL, answer.Result);
        Assert.Equal(0, table.InUse);
    }

    [Fact]
    public void A_hand_over_behind_queued_messages_or_of_a_one_way_message_only_queues()
    {
        var table = new SchemeCallTable<Client>(4);
        Assert.Equal((Errno)0, table.Submit(Read(1), new Client("first"), out _));
        Assert.False(table.HandOver(Read(2), new Client("second"), out int second, out Errno error));
        Assert.Equal((Errno)0, error);
        Assert.Equal(CallState.Queued, table.StateOf(second));
        Assert.Equal(new ulong[] { 1, 2 }, System.Array.ConvertAll(ReceiveAll(table), r => r.Arg0));

        Sqe close = default;
        close.Opcode = Opcode.CloseMsg;
        close.Flags = SqeFlags.OneWay;
        Assert.False(table.HandOver(close, new Client("closer"), out int closeSlot, out _));
        Assert.Equal(CallState.Queued, table.StateOf(closeSlot));

        table.Close();
        Assert.False(table.HandOver(Read(3), new Client("late"), out _, out error));
        Assert.Equal(Errno.EIO, error);
    }

    [Fact]
    public void A_handed_over_call_the_driver_could_not_take_is_read_first_and_an_abandoned_one_is_forgotten()
    {
        var table = new SchemeCallTable<Client>(4);
        Assert.True(table.HandOver(Read(1), new Client("alice"), out int slot, out _));
        Assert.Equal((Errno)0, table.Submit(Read(2), new Client("bob"), out _));
        table.Undeliver(slot);                           // the copy to the driver failed
        Assert.Equal(CallState.Queued, table.StateOf(slot));
        Assert.Equal(new ulong[] { 1, 2 }, System.Array.ConvertAll(ReceiveAll(table), r => r.Arg0));

        var carol = new Client("carol");
        Assert.True(table.HandOver(Read(3), carol, out int third, out _) || table.Queued > 0);
        ReceiveAll(table);
        table.Abandon(third);                            // killed meanwhile: a cancel is queued for it
        Assert.Equal(1, table.Queued);
        table.Undeliver(third);                          // ... but the driver never had it: no cancel, slot free
        Assert.Equal(CallState.Free, table.StateOf(third));
        Assert.Equal(0, table.Queued);
        Assert.Empty(ReceiveAll(table));
    }
}
