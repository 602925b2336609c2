# Instructions the boot-test scenarios need and C# cannot emit. Test image only: the kernel never links these.
        .intel_syntax noprefix
        .text

# boot_test_read_cr4(): CR4, to check the control bits the kernel promises (PGE, OSFXSR, PAE).
        .globl  boot_test_read_cr4
boot_test_read_cr4:
        mov     rax, cr4
        ret

# boot_test_load_ds(selector): loads DS with a selector. A selector past the GDT limit raises #GP with the
# selector (index, TI) as the error code (Intel SDM vol. 3, 6.13), at boot_test_gp_site.
        .globl  boot_test_load_ds
boot_test_load_ds:
        mov     rax, ds
boot_test_gp_site:
        mov     ds, di
        mov     ds, ax
        ret

# boot_test_gp_site_address(): where the #GP above is raised, for the test to compare with the reported RIP.
        .globl  boot_test_gp_site_address
boot_test_gp_site_address:
        lea     rax, [rip + boot_test_gp_site]
        ret
        .section .note.GNU-stack, "", @progbits
